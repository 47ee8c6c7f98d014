"""The deck format: the pydantic models, the checked deck built from them, and what makes an option dominated."""
