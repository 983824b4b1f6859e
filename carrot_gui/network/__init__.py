"""The Network lab: build a small network on pycarrot, step its backward pass, watch it learn."""
