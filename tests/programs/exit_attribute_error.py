# Uncaught AttributeError from a typo-like access on an instance.
class Config:
    def __init__(self):
        self.host = "localhost"
        self.port = 8080

cfg = Config()
print(cfg.host, cfg.port)
print(cfg.hostname)
