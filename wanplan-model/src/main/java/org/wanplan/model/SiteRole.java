package org.wanplan.model;

/** A site's place in the VPN: hubs talk to everyone; in hub-and-spoke, spokes only to hubs. */
public enum SiteRole {
    HUB,
    SPOKE
}
