Control.v
