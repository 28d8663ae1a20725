module example.com/pluginshop

go 1.26.0
