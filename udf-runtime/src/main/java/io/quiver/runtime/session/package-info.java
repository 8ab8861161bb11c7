/** The JVM's ONNX Runtime environment and the cache of sessions per model version. */
package io.quiver.runtime.session;
