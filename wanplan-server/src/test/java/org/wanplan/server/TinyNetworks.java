package org.wanplan.server;

/** Small wanplan JSON network files for uploads. */
final class TinyNetworks {
    private TinyNetworks() {}

    /** Paris and Lyon joined by one span of {@code capacityGbps}. */
    static String parisLyon(String name, double capacityGbps) {
        return """
                {
                  "format": "wanplan-network",
                  "version": 1,
                  "name": "%s",
                  "srlgs": [],
                  "pops": [
                    {"id":"paris","name":"Paris","country":"FR","lat":48.868639,"lon":2.331389,"population":9904000},
                    {"id":"lyon","name":"Lyon","country":"FR","lat":45.759723,"lon":4.842223,"population":1423000}
                  ],
                  "spans": [
                    {"id":"paris-lyon","a":"paris","b":"lyon","lengthKm":490.4,"lengthSource":"measured","capacityGbps":%s,"srlgs":[],"submarine":false}
                  ]
                }
                """.formatted(name, capacityGbps);
    }
}
