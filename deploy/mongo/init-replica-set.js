// Initiates the rs0 replica set of deploy/compose once, then waits until it has a primary.
const members = ["mongo-1:27017", "mongo-2:27017", "mongo-3:27017"].map((host, id) => ({ _id: id, host }));
try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (notYet) {
  rs.initiate({ _id: "rs0", members });
  print("replica set rs0 initiated with " + members.length + " members");
}
for (let i = 0; i < 60 && !db.hello().isWritablePrimary && !db.hello().primary; i++) {
  sleep(1000);
}
print("primary: " + db.hello().primary);
