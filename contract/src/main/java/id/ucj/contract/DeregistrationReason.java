package id.ucj.contract;

/** Why a participant stopped being covered. */
public enum DeregistrationReason {

	LAPSED, DECEASED, LEFT_WORKFORCE

}
