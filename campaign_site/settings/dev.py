"""Local development: DEBUG on, a throwaway secret. Never used in production."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key")
ALLOWED_HOSTS = ["*"]
