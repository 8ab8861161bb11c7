/**
 * Runs model methods on ONNX Runtime in batches of rows encoded as Apache Arrow vectors.
 *
 * <p>{@link io.quiver.runtime.ModelInvoker} is the entry point: it takes argument rows as Object[],
 * or batches of typed columns that a scan fills ({@link io.quiver.runtime.batch.ArgumentColumns}),
 * and yields one Object[] of output values per row. The sub-packages hold the signatures read from
 * models ({@code signature}), the cache of ONNX Runtime sessions ({@code session}), the encoding
 * and decoding of batches ({@code batch}) and the ordered, bounded, parallel pipeline of batches
 * ({@code pipeline}).
 *
 * <p>Arrow reads direct buffer addresses through reflection: the JVM needs {@code
 * --add-opens=java.base/java.nio=ALL-UNNAMED}.
 */
package io.quiver.runtime;
