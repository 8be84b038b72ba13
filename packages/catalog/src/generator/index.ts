// Deterministic data generator (demo size and California scale).
