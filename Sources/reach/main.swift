print("reach: not built yet")
