"""fogofwar: a ledger of sourced, geolocated, dated claims and events from conflict reporting.

Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0 (the 2016 Russian
postal file: CC BY 3.0).
"""

__version__ = "0.1.0"
