"""Faithful fakes of the WeChat platform and API, served over real HTTP on 127.0.0.1."""
