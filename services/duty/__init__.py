"""值班值守: the roster, swaps, sign-in, handing over and taking over, and the handover package."""
