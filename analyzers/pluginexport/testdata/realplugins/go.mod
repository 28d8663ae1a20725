module example.com/realplugins

go 1.26.0
