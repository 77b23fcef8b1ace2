print("voronka")
