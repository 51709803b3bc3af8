"""Measuring quality: the labelled-question harness and the naive baseline."""
