import { boolean, date, integer, pgTable, serial, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';

/** Fare zones: in Agder one zone is one municipality. A zone in use is deactivated, never deleted. */
export const zones = pgTable('zones', {
  id: text('id').primaryKey(),
  /** A small number for the zone, given by the database and never reused: the ticket QR names zones by it. */
  code: integer('code').notNull().unique().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
});

/** Traveller categories (reisendekategorier): Barn, Ungdom, Ung voksen, Voksen, Honnør. */
export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  /** GTFS-Fares v2 `is_default_fare_category`, kept so the catalog's own export round-trips it. */
  isDefaultFareCategory: boolean('is_default_fare_category').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
});

/** Monthly company-ticket price per category and zone count (1, 2, 3 = 3 or more), by valid-from date. */
export const prices = pgTable(
  'prices',
  {
    id: serial('id').primaryKey(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    zoneCount: smallint('zone_count').notNull(),
    monthlyPriceOre: integer('monthly_price_ore').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /**
     * GTFS fare_product_id and fare_product_name of the imported row that gave this price (the
     * first, when several products or fare media share it), so the export keeps them; null when
     * the price was entered in the product (the export then derives them).
     */
    fareProductId: text('fare_product_id'),
    fareProductName: text('fare_product_name'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique('prices_category_zones_from_key').on(t.categoryId, t.zoneCount, t.validFrom)],
);

/** Whether the catalog in the database is the shipped example data (shown as such in the UI). */
export const catalogMeta = pgTable('catalog_meta', {
  id: integer('id').primaryKey().default(1),
  isExample: boolean('is_example').notNull().default(true),
  updatedAt: createdAt(),
});
