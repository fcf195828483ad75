"""The province view: every kab/kota of a province with whatever figures each has."""
