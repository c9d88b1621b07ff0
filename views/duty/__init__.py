"""值班: the roster, swaps, sign-in, handing over and the handover records."""
