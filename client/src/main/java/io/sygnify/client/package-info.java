/**
 * Java client for a Sygnify server, on {@code java.net.http} and Jackson only.
 *
 * <ul>
 *   <li>{@link io.sygnify.client.SygnifyClient}: the REST API (upload, jobs, insights, cancel, delete).</li>
 *   <li>{@link io.sygnify.client.RealtimeConnection}: the WebSocket protocol of {@code docs/protocol.md}, with
 *       reconnect, heartbeat, resume by {@code last_seq} and de-duplication.</li>
 * </ul>
 *
 * Both take a {@link io.sygnify.client.ClientConfig} (server URL and optional bearer token).
 */
package io.sygnify.client;
