package id.ucj.support.security;

import java.util.TreeSet;

/** A known client acting outside its areas: 403, naming the area and the client's own. */
public final class OutsideAreas extends RuntimeException {

	public OutsideAreas(Client client, String area) {
		super("Client " + client.id() + " may act in " + String.join(", ", new TreeSet<>(client.areas()))
				+ " only, not in " + area);
	}

}
