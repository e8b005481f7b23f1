"""Platform pieces shared by every feature: the Redis connection and its addresses."""
