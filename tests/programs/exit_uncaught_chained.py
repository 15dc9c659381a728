# Uncaught exception raised while handling another (chained traceback).
def load(config):
    try:
        return config["path"]
    except KeyError as e:
        raise RuntimeError("configuration incomplete") from e

print("loading")
print(load({"path": "/tmp/x"}))
load({})
