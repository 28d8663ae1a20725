package load

import "os/exec"

func runGoEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	return string(out), err
}
