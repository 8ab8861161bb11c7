/** An ordered, bounded pipeline that runs batches of rows on shared worker threads. */
package io.quiver.runtime.pipeline;
