"""Reading a question: its language, shorthand, known phrases, intent and scope."""
