-- The six WCO regions. Regions are data: a report for another body adds or renames its own.
INSERT INTO "regions" ("code", "names", "position") VALUES
  ('ESA', '{"en": "East and Southern Africa", "fr": "Afrique orientale et australe", "es": "África Oriental y Meridional"}', 1),
  ('EUR', '{"en": "Europe", "fr": "Europe", "es": "Europa"}', 2),
  ('AP', '{"en": "Far East, South and South East Asia, Australasia and the Pacific Islands", "fr": "Extrême-Orient, Asie du Sud et du Sud-Est, Australasie et îles du Pacifique", "es": "Lejano Oriente, Asia Meridional y Sudoriental, Australasia e Islas del Pacífico"}', 3),
  ('MENA', '{"en": "North of Africa, Near and Middle East", "fr": "Afrique du Nord, Proche et Moyen-Orient", "es": "Norte de África, Cercano y Medio Oriente"}', 4),
  ('AMS', '{"en": "South America, North America, Central America and the Caribbean", "fr": "Amérique du Sud, Amérique du Nord, Amérique centrale et Caraïbes", "es": "América del Sur, América del Norte, América Central y el Caribe"}', 5),
  ('WCA', '{"en": "West and Central Africa", "fr": "Afrique occidentale et centrale", "es": "África Occidental y Central"}', 6)
ON CONFLICT ("code") DO NOTHING;
