module example.com/racemod

go 1.26.0
