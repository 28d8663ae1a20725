module example.com/runwide

go 1.26
