Parity.v
VecMemory.v
