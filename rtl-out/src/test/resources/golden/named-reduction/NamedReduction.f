NamedReduction.v
