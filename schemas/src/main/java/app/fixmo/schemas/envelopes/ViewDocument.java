package app.fixmo.schemas.envelopes;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.SchemaViolation;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A read model document, ready to serve: what the edge reads from the cache.
 *
 * <p>Documents are versioned by the aggregate that made them. The projector never lets an older
 * version overwrite a newer one, so replaying the views topic, or receiving a document twice,
 * leaves the cache as it was.
 *
 * @param view the kind of view, for example {@code account}; names the cache it lives in
 * @param id the document's id within its view
 * @param version the aggregate version it reflects; grows with every change
 * @param at when it was made
 * @param requestId the request that caused the change
 * @param body the document, or null when the document was removed
 */
public record ViewDocument(
    String view, String id, long version, Instant at, String requestId, JsonNode body) {

  public ViewDocument {
    Fields.text(view, "view", 50);
    Fields.text(id, "id", 300);
    if (version < 1) {
      throw SchemaViolation.ofField("version", "must be at least 1");
    }
    Fields.required(at, "at");
    Fields.text(requestId, "requestId", 100);
  }

  /** Returns the Kafka record key: the view and the id, so compaction keeps one per document. */
  @JsonIgnore
  public String key() {
    return view + "/" + id;
  }

  /** Tells whether this document removes the view. */
  @JsonIgnore
  public boolean isRemoval() {
    return body == null || body.isNull();
  }
}
