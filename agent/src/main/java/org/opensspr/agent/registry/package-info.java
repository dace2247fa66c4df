/**
 * The Windows registry as the agent reads it: {@code regedit}/{@code reg export} files
 * ({@link org.opensspr.agent.registry.RegReader}, fuzzed) and {@code reg query} on Windows.
 */
package org.opensspr.agent.registry;
