package org.wanplan.model;

/**
 * A city a backbone may place a PoP in (the built-in networks use Natural Earth populated places).
 *
 * @param rank by metro population, 1 for the largest
 * @param asciiName the name in ASCII, from which PoP ids are made
 * @param countryCode ISO 3166-1 alpha-2
 * @param population metro population
 */
public record City(int rank, String name, String asciiName, String countryCode, GeoPoint location, long population) {}
