"""fogofwar: a ledger of sourced, geolocated, dated claims and events from conflict reporting.

Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.
"""

__version__ = "0.1.0"
