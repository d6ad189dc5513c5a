package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * A database of the embedded MongoDB server whose collections and unique indexes keep
 * their documents and keys as BSON ({@link BsonValues}), where {@link H2Database} has H2
 * write them with Java serialisation. This class and its data type live in H2Database's
 * package (in the Dak local stack, not in mongo-java-server) only because the unique
 * index's constructor is package-private.
 */
public final class BsonH2Database extends H2Database {

	/** The store, while the constructor of H2Database opens the collections there are. */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	private final MVStore store;

	private BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
		this.store = store;
	}

	/**
	 * Opens (or creates) a database in the store.
	 * @param databaseName the database
	 * @param store the store of the file
	 * @param cursorRegistry the backend's cursors
	 * @return the database, its collections open
	 */
	public static BsonH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		OPENING.set(store);
		try {
			return new BsonH2Database(databaseName, store, cursorRegistry);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullCollectionName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> dataMap = store().openMap(DATABASES_PREFIX + fullCollectionName, bson());
		MVMap<String, Object> metaMap = store().openMap("meta." + fullCollectionName);
		return new H2Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		MVMap<KeyValue, Object> map = store()
			.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName, bson());
		return new H2UniqueIndex(map, indexName, keys, sparse);
	}

	private MVStore store() {
		// H2Database's constructor opens the collections before this one's fields are set
		return (this.store != null) ? this.store : OPENING.get();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <K, V> MVMap.Builder<K, V> bson() {
		return new MVMap.Builder<K, V>().keyType((DataType) new BsonValues()).valueType((DataType) new BsonValues());
	}

}
