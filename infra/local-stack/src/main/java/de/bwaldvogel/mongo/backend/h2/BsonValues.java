package de.bwaldvogel.mongo.backend.h2;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded MongoDB server's documents, index keys and object IDs are written to
 * the H2 file: as BSON, the form they came in on the wire, instead of with Java
 * serialisation (H2's default for objects it does not know). Every commit writes each
 * changed page whole, documents and keys alike, and with a commit before every answer
 * Java serialisation was most of the store's work.
 * <p>
 * Everything else, and anything this type cannot write as BSON, is written as before; and
 * what an older file holds is read as before, so a file written before this type needs no
 * conversion: its pages are written anew in BSON as they change.
 */
final class BsonValues extends ObjectDataType {

	// tags ObjectDataType does not use (it uses 0–19 and 32–119)
	private static final byte OBJECT_ID = 124;

	private static final byte DOCUMENT = 125;

	private static final byte KEY = 126;

	private int averageSize = 512;

	@Override
	public void write(WriteBuffer buff, Object obj) {
		if (obj instanceof ObjectId id) {
			buff.put(OBJECT_ID).put(id.toByteArray());
			return;
		}
		byte[] bson = (obj instanceof Document document) ? document(document)
				: (obj instanceof KeyValue key) ? key(key) : null;
		if (bson == null) {
			super.write(buff, obj);
			return;
		}
		this.averageSize = (int) ((bson.length + 15L * this.averageSize) / 16);
		buff.put((obj instanceof Document) ? DOCUMENT : KEY).putVarInt(bson.length).put(bson);
	}

	@Override
	public Object read(ByteBuffer buff) {
		byte tag = buff.get(buff.position());
		if (tag == OBJECT_ID) {
			buff.get();
			byte[] id = new byte[12];
			buff.get(id);
			return new ObjectId(id);
		}
		if (tag != DOCUMENT && tag != KEY) {
			return super.read(buff);
		}
		buff.get();
		int length = DataUtils.readVarInt(buff);
		byte[] bson = new byte[length];
		buff.get(bson);
		ByteBuf in = Unpooled.wrappedBuffer(bson);
		return (tag == DOCUMENT) ? BsonDecoder.decodeBson(in) : readKey(in);
	}

	@Override
	public int getMemory(Object obj) {
		if (obj instanceof Document || obj instanceof KeyValue) {
			// what H2 counts to decide when a page is split and how much its cache holds:
			// about the size of the BSON, as Java serialisation's estimate was of its
			// size
			return this.averageSize * 2;
		}
		return (obj instanceof ObjectId) ? 48 : super.getMemory(obj);
	}

	private static byte[] document(Document document) {
		ByteBuf out = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, out);
		}
		catch (IllegalArgumentException ex) {
			// a value BSON has no type for: Java serialisation, as before
			return null;
		}
		return bytes(out);
	}

	/**
	 * An index key, as its count and then each value's BSON type and value; only keys of
	 * the types that come back from BSON exactly as they were (equal, and so in the same
	 * place in the index), others as before.
	 */
	private static byte[] key(KeyValue key) {
		for (Object value : key) {
			if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
					|| value instanceof Double || value instanceof Boolean || value instanceof ObjectId
					|| value instanceof Instant)) {
				return null;
			}
		}
		ByteBuf out = Unpooled.buffer(64);
		out.writeIntLE(key.size());
		for (Object value : key) {
			byte type = BsonEncoder.determineType(value);
			out.writeByte(type);
			BsonEncoder.encodeValue(type, value, out);
		}
		return bytes(out);
	}

	private static KeyValue readKey(ByteBuf in) {
		int size = in.readIntLE();
		List<Object> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			values.add(BsonDecoder.decodeValue(in.readByte(), in));
		}
		return new KeyValue(values);
	}

	private static byte[] bytes(ByteBuf out) {
		byte[] bytes = new byte[out.readableBytes()];
		out.readBytes(bytes);
		return bytes;
	}

}
