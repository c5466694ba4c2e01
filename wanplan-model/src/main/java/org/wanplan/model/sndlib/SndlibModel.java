package org.wanplan.model.sndlib;

import java.util.Map;
import java.util.Optional;

/**
 * An SNDlib model ("SNDlib native format; type: model"): {@code KEY = VALUE} attributes such as
 * {@code SURVIVABILITY_MODEL = UNRESTRICTED_FLOW_RECONFIGURATION}, kept as read.
 */
public record SndlibModel(String name, Map<String, String> attributes) {
    public SndlibModel {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(attributes.get(key));
    }
}
