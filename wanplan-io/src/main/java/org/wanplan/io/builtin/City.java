package org.wanplan.io.builtin;

import org.wanplan.model.GeoPoint;

/** A city the built-in backbones may place a PoP in: Natural Earth populated places, metro population. */
record City(int rank, String name, String asciiName, String countryCode, GeoPoint location, long population) {}
