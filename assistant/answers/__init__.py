"""Answering: the chat service, clarification, composed and LLM answers, streaming, sessions."""
