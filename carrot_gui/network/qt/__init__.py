"""The Network lab's widgets: neuron view, decision-boundary plot, digits grid and confusion matrix."""
