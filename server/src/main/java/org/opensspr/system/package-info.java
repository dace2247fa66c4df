/**
 * What every feature stands on: the data dir, the clock, the listener safety check. Calls no
 * feature.
 */
package org.opensspr.system;
