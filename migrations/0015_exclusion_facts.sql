ALTER TABLE "contacts" ADD COLUMN "left_room_keys" uuid[];--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "in_conversation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "initiated_sends" timestamp with time zone[];--> statement-breakpoint
-- The exclusion facts on each contact's row (shared/db/contacts.ts), kept by triggers so that every
-- writer keeps them: the segment count then reads contacts alone (runtime/segments/exclusions.ts).
-- Groups left: each room set (or group in no set) whose every membership of the contact is left.
CREATE FUNCTION contact_left_room_keys(contact uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(x.k ORDER BY x.k) FROM (
    SELECT coalesce(r.room_set_id, r.id) AS k FROM room_members m JOIN rooms r ON r.id = m.room_id
    WHERE m.contact_id = contact GROUP BY 1 HAVING bool_and(m.left_at IS NOT NULL)) x
$$;--> statement-breakpoint
CREATE FUNCTION contacts_refresh_left_room_keys(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE contacts c SET left_room_keys = k.keys
  FROM (SELECT i AS id, contact_left_room_keys(i) AS keys FROM unnest(ids) i) k
  WHERE c.id = k.id AND c.left_room_keys IS DISTINCT FROM k.keys
$$;--> statement-breakpoint
CREATE FUNCTION room_members_left_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM contacts_refresh_left_room_keys(array(SELECT DISTINCT n.contact_id FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM contacts_refresh_left_room_keys(array(
      SELECT n.contact_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.left_at IS DISTINCT FROM o.left_at OR n.room_id <> o.room_id OR n.contact_id <> o.contact_id
      UNION SELECT o.contact_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.room_id <> o.room_id OR n.contact_id <> o.contact_id));
  ELSE
    PERFORM contacts_refresh_left_room_keys(array(SELECT DISTINCT o.contact_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER room_members_left_keys_insert AFTER INSERT ON room_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION room_members_left_keys();--> statement-breakpoint
CREATE TRIGGER room_members_left_keys_update AFTER UPDATE ON room_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION room_members_left_keys();--> statement-breakpoint
CREATE TRIGGER room_members_left_keys_delete AFTER DELETE ON room_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION room_members_left_keys();--> statement-breakpoint
-- A group moved to another set (or out of one) changes its members' keys.
CREATE FUNCTION rooms_left_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM contacts_refresh_left_room_keys(array(
    SELECT DISTINCT m.contact_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN room_members m ON m.room_id = n.id WHERE n.room_set_id IS DISTINCT FROM o.room_set_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rooms_left_keys AFTER UPDATE ON rooms
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rooms_left_keys();--> statement-breakpoint
-- An open or snoozed conversation.
CREATE FUNCTION conversations_in_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts c SET in_conversation = x.open
  FROM (SELECT i AS id, EXISTS (SELECT 1 FROM conversations v WHERE v.contact_id = i AND v.status IN ('open', 'snoozed')) AS open
        FROM unnest(CASE TG_OP WHEN 'INSERT' THEN array[NEW.contact_id] WHEN 'DELETE' THEN array[OLD.contact_id]
                    ELSE array[NEW.contact_id, OLD.contact_id] END) i) x
  WHERE c.id = x.id AND c.in_conversation <> x.open;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER conversations_in_conversation AFTER INSERT OR DELETE OR UPDATE OF status, contact_id ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversations_in_conversation();--> statement-breakpoint
-- Bot-initiated messages sent: their times over the 7 days up to the latest, newest first.
CREATE FUNCTION outbox_initiated_sends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts c SET initiated_sends = array(
    SELECT t FROM unnest(coalesce(c.initiated_sends, '{}') || NEW.done_at) t
    WHERE t > greatest(NEW.done_at, c.initiated_sends[1]) - interval '7 days' ORDER BY t DESC)
  WHERE c.id = NEW.contact_id;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A sent message taken back (deleted, or its status changed): the contact's sends read afresh.
CREATE FUNCTION contacts_refresh_initiated_sends(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE contacts c SET initiated_sends = s.sends FROM (
    SELECT i AS id, (SELECT array_agg(o.done_at ORDER BY o.done_at DESC) FROM outbox o
      WHERE o.contact_id = i AND o.initiated AND o.status = 'sent'
        AND o.done_at > (SELECT max(p.done_at) FROM outbox p
                         WHERE p.contact_id = i AND p.initiated AND p.status = 'sent') - interval '7 days') AS sends
    FROM unnest(ids) i) s
  WHERE c.id = s.id AND c.initiated_sends IS DISTINCT FROM s.sends
$$;--> statement-breakpoint
CREATE FUNCTION outbox_initiated_sends_taken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM contacts_refresh_initiated_sends(array(SELECT DISTINCT o.contact_id FROM old_rows o
      WHERE o.initiated AND o.status = 'sent' AND o.contact_id IS NOT NULL));
  ELSE
    PERFORM contacts_refresh_initiated_sends(array[OLD.contact_id]);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER outbox_initiated_sends_delete AFTER DELETE ON outbox
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_initiated_sends_taken();--> statement-breakpoint
CREATE TRIGGER outbox_initiated_sends_unsent AFTER UPDATE OF status ON outbox FOR EACH ROW
  WHEN (OLD.status = 'sent' AND NEW.status <> 'sent' AND OLD.initiated AND OLD.contact_id IS NOT NULL)
  EXECUTE FUNCTION outbox_initiated_sends_taken();--> statement-breakpoint
CREATE TRIGGER outbox_initiated_sends_insert AFTER INSERT ON outbox FOR EACH ROW
  WHEN (NEW.status = 'sent' AND NEW.initiated AND NEW.contact_id IS NOT NULL AND NEW.done_at IS NOT NULL)
  EXECUTE FUNCTION outbox_initiated_sends();--> statement-breakpoint
CREATE TRIGGER outbox_initiated_sends_update AFTER UPDATE OF status ON outbox FOR EACH ROW
  WHEN (NEW.status = 'sent' AND OLD.status <> 'sent' AND NEW.initiated AND NEW.contact_id IS NOT NULL AND NEW.done_at IS NOT NULL)
  EXECUTE FUNCTION outbox_initiated_sends();--> statement-breakpoint
-- What is there already.
UPDATE contacts c SET left_room_keys = k.keys FROM (
  SELECT x.contact_id, array_agg(x.k ORDER BY x.k) AS keys FROM (
    SELECT m.contact_id, coalesce(r.room_set_id, r.id) AS k FROM room_members m JOIN rooms r ON r.id = m.room_id
    GROUP BY 1, 2 HAVING bool_and(m.left_at IS NOT NULL)) x GROUP BY 1) k
WHERE c.id = k.contact_id;--> statement-breakpoint
UPDATE contacts c SET in_conversation = true
WHERE EXISTS (SELECT 1 FROM conversations v WHERE v.contact_id = c.id AND v.status IN ('open', 'snoozed'));--> statement-breakpoint
UPDATE contacts c SET initiated_sends = s.sends FROM (
  SELECT o.contact_id, array_agg(o.done_at ORDER BY o.done_at DESC) AS sends FROM (
    SELECT contact_id, done_at, max(done_at) OVER (PARTITION BY contact_id) AS latest FROM outbox
    WHERE initiated AND status = 'sent' AND contact_id IS NOT NULL AND done_at IS NOT NULL) o
  WHERE o.done_at > o.latest - interval '7 days' GROUP BY 1) s
WHERE c.id = s.contact_id;
