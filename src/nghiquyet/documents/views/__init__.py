"""Views of the register, thin: forms validate, services do the work, and
every query goes through the user's access policy."""
