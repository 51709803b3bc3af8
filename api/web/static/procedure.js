/* The printable page's two buttons: print on A4, or on an 80 mm receipt printer. */
(function () {
  "use strict";
  function print(receipt) {
    document.body.classList.toggle("receipt", receipt);
    window.print();
  }
  var a4 = document.getElementById("print-a4");
  var receipt = document.getElementById("print-receipt");
  if (a4) { a4.addEventListener("click", function () { print(false); }); }
  if (receipt) { receipt.addEventListener("click", function () { print(true); }); }
  if (new URLSearchParams(location.search).get("paper") === "receipt") { document.body.classList.add("receipt"); }
  /* Opened from the kiosk in a tab of its own: close it (or go back when the browser will not close it). */
  var close = document.getElementById("close-page");
  if (close) {
    close.addEventListener("click", function () {
      window.close();
      window.setTimeout(function () { if (history.length > 1) { history.back(); } else { location.href = "/kiosk"; } }, 200);
    });
  }
})();
