"""Views of the tracking app, thin: forms validate, services work, and every
query goes through the user's access policy."""
