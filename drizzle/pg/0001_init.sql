CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" uuid,
	"manager_id" uuid,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "departments_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "permissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resource" varchar(50) NOT NULL,
	"action" varchar(50) NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "role_permissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"role_id" uuid NOT NULL,
	"permission_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" varchar(50) NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(20) DEFAULT 'MEMBER' NOT NULL,
	"joined_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp(3) with time zone,
	CONSTRAINT "team_members_role_check" CHECK ("team_members"."role" in ('LEAD', 'MEMBER')),
	CONSTRAINT "team_members_left_after_joined_check" CHECK ("team_members"."left_at" >= "team_members"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"department_id" uuid,
	"team_lead_id" uuid,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "teams_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" varchar(255) NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"phone" varchar(20),
	"department_id" uuid,
	"position" varchar(100),
	"title" varchar(100),
	"role_id" uuid NOT NULL,
	"user_tier" varchar(20) DEFAULT 'OPERATOR' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp(3) with time zone,
	CONSTRAINT "users_user_tier_check" CHECK ("users"."user_tier" in ('OPERATOR', 'MANAGER', 'EXECUTIVE'))
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"company_id" uuid NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"branch_type" varchar(50),
	"business_number" varchar(10),
	"address_street" varchar(255),
	"address_city" varchar(100),
	"address_state" varchar(100),
	"address_postal" varchar(20),
	"address_country" varchar(100) DEFAULT '대한민국',
	"phone" varchar(20),
	"fax" varchar(20),
	"email" varchar(255),
	"manager_name" varchar(100),
	"employee_count" integer,
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_billing_address" boolean DEFAULT false NOT NULL,
	"is_shipping_address" boolean DEFAULT false NOT NULL,
	CONSTRAINT "branches_code_key" UNIQUE("code"),
	CONSTRAINT "branches_branch_type_check" CHECK ("branches"."branch_type" in ('HEADQUARTERS', 'BRANCH', 'FACTORY', 'RND')),
	CONSTRAINT "branches_business_number_check" CHECK ("branches"."business_number" ~ '^[0-9]{10}$'),
	CONSTRAINT "branches_employee_count_check" CHECK ("branches"."employee_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"business_number" varchar(10),
	"corporate_number" varchar(13),
	"representative" varchar(100),
	"industry_id" uuid,
	"company_size" varchar(20),
	"annual_revenue" bigint,
	"employee_count" integer,
	"fiscal_year_end" varchar(5),
	"website" varchar(255),
	"description" text,
	"tier" varchar(20) DEFAULT 'BRONZE' NOT NULL,
	"status" varchar(20) DEFAULT 'PROSPECT' NOT NULL,
	"credit_limit" bigint,
	"payment_terms" integer DEFAULT 30 NOT NULL,
	"account_manager_id" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "companies_code_key" UNIQUE("code"),
	CONSTRAINT "companies_company_size_check" CHECK ("companies"."company_size" in ('STARTUP', 'SMB', 'MIDMARKET', 'ENTERPRISE')),
	CONSTRAINT "companies_tier_check" CHECK ("companies"."tier" in ('VIP', 'GOLD', 'SILVER', 'BRONZE')),
	CONSTRAINT "companies_status_check" CHECK ("companies"."status" in ('PROSPECT', 'ACTIVE', 'INACTIVE', 'CHURNED')),
	CONSTRAINT "companies_business_number_check" CHECK ("companies"."business_number" ~ '^[0-9]{10}$'),
	CONSTRAINT "companies_corporate_number_check" CHECK ("companies"."corporate_number" ~ '^[0-9]{13}$'),
	CONSTRAINT "companies_fiscal_year_end_check" CHECK ("companies"."fiscal_year_end" ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
	CONSTRAINT "companies_amounts_check" CHECK ("companies"."annual_revenue" >= 0 and "companies"."employee_count" >= 0 and "companies"."credit_limit" >= 0 and "companies"."payment_terms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"branch_id" uuid NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(255),
	"phone" varchar(20),
	"mobile" varchar(20),
	"position" varchar(100),
	"title" varchar(100),
	"department" varchar(100),
	"role_type" varchar(50),
	"is_primary" boolean DEFAULT false NOT NULL,
	"preferred_contact_method" varchar(20),
	"birthday" date,
	"notes" text,
	"linkedin_url" varchar(255),
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "contacts_role_type_check" CHECK ("contacts"."role_type" in ('DECISION_MAKER', 'INFLUENCER', 'USER', 'CHAMPION')),
	CONSTRAINT "contacts_preferred_contact_method_check" CHECK ("contacts"."preferred_contact_method" in ('EMAIL', 'PHONE', 'MOBILE', 'KAKAO'))
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" uuid,
	"description" text,
	CONSTRAINT "industries_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" uuid,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "product_categories_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"category_id" uuid,
	"type" varchar(50),
	"description" text,
	"duration_days" integer,
	"duration_hours" integer,
	"min_participants" integer,
	"max_participants" integer,
	"list_price" bigint,
	"cost" bigint,
	"curriculum" jsonb,
	"prerequisites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_audience" text,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "products_code_key" UNIQUE("code"),
	CONSTRAINT "products_type_check" CHECK ("products"."type" in ('TRAINING', 'CONSULTING', 'ASSESSMENT', 'COACHING')),
	CONSTRAINT "products_amounts_check" CHECK ("products"."list_price" >= 0 and "products"."cost" >= 0 and "products"."duration_days" >= 0 and "products"."duration_hours" >= 0 and "products"."min_participants" >= 0),
	CONSTRAINT "products_participants_check" CHECK ("products"."max_participants" >= "products"."min_participants")
);
--> statement-breakpoint
CREATE TABLE "kpi_actuals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kpi_target_id" uuid NOT NULL,
	"period_date" date NOT NULL,
	"actual_value" numeric(15, 2) NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "kpi_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"category" varchar(50),
	"level" varchar(20),
	"formula" text,
	"unit" varchar(20),
	"target_direction" varchar(20),
	"frequency" varchar(20),
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "kpi_definitions_code_key" UNIQUE("code"),
	CONSTRAINT "kpi_definitions_category_check" CHECK ("kpi_definitions"."category" in ('SALES', 'PROJECT', 'FINANCE', 'CUSTOMER', 'OPERATIONAL')),
	CONSTRAINT "kpi_definitions_level_check" CHECK ("kpi_definitions"."level" in ('COMPANY', 'DEPARTMENT', 'TEAM', 'INDIVIDUAL')),
	CONSTRAINT "kpi_definitions_unit_check" CHECK ("kpi_definitions"."unit" in ('CURRENCY', 'PERCENT', 'COUNT', 'DAYS')),
	CONSTRAINT "kpi_definitions_target_direction_check" CHECK ("kpi_definitions"."target_direction" in ('INCREASE', 'DECREASE', 'MAINTAIN')),
	CONSTRAINT "kpi_definitions_frequency_check" CHECK ("kpi_definitions"."frequency" in ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'))
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kpi_definition_id" uuid NOT NULL,
	"entity_type" varchar(20),
	"entity_id" uuid,
	"period_type" varchar(10) NOT NULL,
	"period_year" integer NOT NULL,
	"period_month" integer,
	"period_quarter" integer,
	"period_half" integer,
	"target_value" numeric(15, 2) NOT NULL,
	"stretch_value" numeric(15, 2),
	"minimum_value" numeric(15, 2),
	"weight" integer DEFAULT 100 NOT NULL,
	CONSTRAINT "kpi_targets_entity_type_check" CHECK ("kpi_targets"."entity_type" in ('COMPANY', 'DEPARTMENT', 'TEAM', 'USER')),
	CONSTRAINT "kpi_targets_period_type_check" CHECK ("kpi_targets"."period_type" in ('MONTH', 'QUARTER', 'HALF', 'YEAR')),
	CONSTRAINT "kpi_targets_entity_check" CHECK (("kpi_targets"."entity_type" is null) = ("kpi_targets"."entity_id" is null)),
	CONSTRAINT "kpi_targets_period_check" CHECK (coalesce(case "kpi_targets"."period_type"
        when 'YEAR' then coalesce("kpi_targets"."period_month", "kpi_targets"."period_quarter", "kpi_targets"."period_half") is null
        when 'HALF' then "kpi_targets"."period_half" between 1 and 2 and "kpi_targets"."period_month" is null and "kpi_targets"."period_quarter" is null
        when 'QUARTER' then "kpi_targets"."period_quarter" between 1 and 4 and "kpi_targets"."period_month" is null and "kpi_targets"."period_half" is null
        when 'MONTH' then "kpi_targets"."period_month" between 1 and 12 and "kpi_targets"."period_quarter" is null and "kpi_targets"."period_half" is null
        else false end, false)),
	CONSTRAINT "kpi_targets_weight_check" CHECK ("kpi_targets"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"type" varchar(30),
	"status" varchar(20) DEFAULT 'PLANNED' NOT NULL,
	"start_date" date,
	"end_date" date,
	"budget" bigint,
	"owner_id" uuid,
	"description" text,
	CONSTRAINT "campaigns_code_key" UNIQUE("code"),
	CONSTRAINT "campaigns_type_check" CHECK ("campaigns"."type" in ('EMAIL', 'SEMINAR', 'WEBINAR', 'EXHIBITION', 'ADVERTISING', 'PARTNER', 'OTHER')),
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
	CONSTRAINT "campaigns_dates_check" CHECK ("campaigns"."end_date" >= "campaigns"."start_date"),
	CONSTRAINT "campaigns_budget_check" CHECK ("campaigns"."budget" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"company_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"code" varchar(50) NOT NULL,
	"title" varchar(255) NOT NULL,
	"amount" bigint,
	"currency" varchar(3) DEFAULT 'KRW' NOT NULL,
	"signed_date" date,
	"start_date" date,
	"end_date" date,
	"status" varchar(20) DEFAULT 'DRAFT' NOT NULL,
	CONSTRAINT "contracts_code_key" UNIQUE("code"),
	CONSTRAINT "contracts_status_check" CHECK ("contracts"."status" in ('DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED')),
	CONSTRAINT "contracts_dates_check" CHECK ("contracts"."end_date" >= "contracts"."start_date"),
	CONSTRAINT "contracts_amount_check" CHECK ("contracts"."amount" >= 0),
	CONSTRAINT "contracts_currency_check" CHECK ("contracts"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "lead_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lead_id" uuid NOT NULL,
	"assigned_from" uuid,
	"assigned_to" uuid,
	"assigned_team_id" uuid,
	"assignment_reason" text,
	"status" varchar(50) DEFAULT 'PENDING' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp(3) with time zone,
	"rejection_reason" text,
	CONSTRAINT "lead_assignments_status_check" CHECK ("lead_assignments"."status" in ('PENDING', 'APPROVED', 'REJECTED'))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"company_name" varchar(255) NOT NULL,
	"contact_name" varchar(100),
	"email" varchar(255),
	"phone" varchar(20),
	"source" varchar(50),
	"source_detail" varchar(255),
	"campaign_id" uuid,
	"status" varchar(50) DEFAULT 'NEW' NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"bant_budget" boolean DEFAULT false NOT NULL,
	"bant_authority" boolean DEFAULT false NOT NULL,
	"bant_need" boolean DEFAULT false NOT NULL,
	"bant_timeline" boolean DEFAULT false NOT NULL,
	"assigned_to" uuid,
	"assigned_team_id" uuid,
	"converted_at" timestamp(3) with time zone,
	"converted_to_company_id" uuid,
	"converted_to_opportunity_id" uuid,
	"notes" text,
	CONSTRAINT "leads_code_key" UNIQUE("code"),
	CONSTRAINT "leads_source_check" CHECK ("leads"."source" in ('WEBSITE', 'REFERRAL', 'CAMPAIGN', 'COLD_CALL', 'EVENT')),
	CONSTRAINT "leads_status_check" CHECK ("leads"."status" in ('NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED')),
	CONSTRAINT "leads_score_check" CHECK ("leads"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text,
	"company_id" uuid NOT NULL,
	"branch_id" uuid,
	"contact_id" uuid,
	"type" varchar(50),
	"stage" varchar(50) DEFAULT 'QUALIFYING' NOT NULL,
	"probability" integer DEFAULT 10 NOT NULL,
	"amount" bigint,
	"currency" varchar(3) DEFAULT 'KRW' NOT NULL,
	"expected_close_date" date,
	"actual_close_date" date,
	"close_reason" text,
	"competitor_info" jsonb,
	"source" varchar(50),
	"campaign_id" uuid,
	"account_manager_id" uuid NOT NULL,
	"sales_team_id" uuid,
	"next_action" text,
	"next_action_date" date,
	CONSTRAINT "opportunities_code_key" UNIQUE("code"),
	CONSTRAINT "opportunities_type_check" CHECK ("opportunities"."type" in ('NEW_BUSINESS', 'RENEWAL', 'EXPANSION', 'REPLACEMENT')),
	CONSTRAINT "opportunities_stage_check" CHECK ("opportunities"."stage" in ('QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST')),
	CONSTRAINT "opportunities_source_check" CHECK ("opportunities"."source" in ('WEBSITE', 'REFERRAL', 'CAMPAIGN', 'COLD_CALL', 'EVENT')),
	CONSTRAINT "opportunities_probability_check" CHECK ("opportunities"."probability" between 0 and 100),
	CONSTRAINT "opportunities_amount_check" CHECK ("opportunities"."amount" >= 0),
	CONSTRAINT "opportunities_currency_check" CHECK ("opportunities"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage" varchar(50),
	"to_stage" varchar(50) NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"reason" text,
	CONSTRAINT "opportunity_stage_history_from_stage_check" CHECK ("opportunity_stage_history"."from_stage" in ('QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST')),
	CONSTRAINT "opportunity_stage_history_to_stage_check" CHECK ("opportunity_stage_history"."to_stage" in ('QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'))
);
--> statement-breakpoint
CREATE TABLE "project_team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(50),
	"allocation_percent" integer DEFAULT 100 NOT NULL,
	"start_date" date,
	"end_date" date,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "project_team_members_role_check" CHECK ("project_team_members"."role" in ('PROJECT_MANAGER', 'COORDINATOR', 'OPERATOR', 'MEMBER')),
	CONSTRAINT "project_team_members_allocation_check" CHECK ("project_team_members"."allocation_percent" between 0 and 100),
	CONSTRAINT "project_team_members_dates_check" CHECK ("project_team_members"."end_date" >= "project_team_members"."start_date")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"type" varchar(50),
	"company_id" uuid NOT NULL,
	"branch_id" uuid,
	"opportunity_id" uuid,
	"contract_id" uuid,
	"status" varchar(50) DEFAULT 'PLANNING' NOT NULL,
	"phase" varchar(50),
	"health" varchar(20),
	"priority" varchar(20) DEFAULT 'MEDIUM' NOT NULL,
	"start_date" date,
	"end_date" date,
	"actual_start_date" date,
	"actual_end_date" date,
	"budget" bigint,
	"actual_cost" bigint,
	"revenue" bigint,
	"progress" integer DEFAULT 0 NOT NULL,
	"project_manager_id" uuid,
	"coordinator_id" uuid,
	"operator_id" uuid,
	CONSTRAINT "projects_code_key" UNIQUE("code"),
	CONSTRAINT "projects_type_check" CHECK ("projects"."type" in ('LEADERSHIP', 'SALES', 'SERVICE', 'TECHNICAL', 'ONBOARDING')),
	CONSTRAINT "projects_status_check" CHECK ("projects"."status" in ('PLANNING', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
	CONSTRAINT "projects_phase_check" CHECK ("projects"."phase" in ('INITIATION', 'PLANNING', 'EXECUTION', 'MONITORING', 'CLOSING')),
	CONSTRAINT "projects_health_check" CHECK ("projects"."health" in ('GREEN', 'YELLOW', 'RED')),
	CONSTRAINT "projects_priority_check" CHECK ("projects"."priority" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
	CONSTRAINT "projects_dates_check" CHECK ("projects"."end_date" >= "projects"."start_date"),
	CONSTRAINT "projects_actual_dates_check" CHECK ("projects"."actual_end_date" >= "projects"."actual_start_date"),
	CONSTRAINT "projects_progress_check" CHECK ("projects"."progress" between 0 and 100),
	CONSTRAINT "projects_amounts_check" CHECK ("projects"."budget" >= 0 and "projects"."actual_cost" >= 0 and "projects"."revenue" >= 0)
);
--> statement-breakpoint
CREATE TABLE "attendance_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"class_id" uuid NOT NULL,
	"trainee_id" uuid NOT NULL,
	"status" varchar(20) NOT NULL,
	"minutes_attended" integer,
	"check_in_time" time(0),
	"check_out_time" time(0),
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"recorded_device_id" uuid,
	"remarks" text,
	CONSTRAINT "attendance_records_status_check" CHECK ("attendance_records"."status" in ('PRESENT', 'LATE', 'LEFT_EARLY', 'EXCUSED', 'ABSENT')),
	CONSTRAINT "attendance_records_minutes_check" CHECK ("attendance_records"."minutes_attended" >= 0),
	CONSTRAINT "attendance_records_times_check" CHECK ("attendance_records"."check_out_time" >= "attendance_records"."check_in_time")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"class_id" uuid NOT NULL,
	"trainee_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'APPLIED' NOT NULL,
	"notes" text,
	CONSTRAINT "enrollments_status_check" CHECK ("enrollments"."status" in ('APPLIED', 'CONFIRMED', 'WAITLISTED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(255) NOT NULL,
	"phone" varchar(20),
	"specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rating" numeric(5, 2),
	"hourly_rate" bigint,
	"bio" text,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "instructors_code_key" UNIQUE("code"),
	CONSTRAINT "instructors_rating_check" CHECK ("instructors"."rating" between 1 and 5),
	CONSTRAINT "instructors_hourly_rate_check" CHECK ("instructors"."hourly_rate" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trainees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"company_id" uuid,
	"branch_id" uuid,
	"contact_id" uuid,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"employee_number" varchar(50),
	"department" varchar(100),
	"position" varchar(100),
	"email" varchar(255),
	"phone" varchar(20),
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_id" uuid NOT NULL,
	"class_number" integer NOT NULL,
	"name" varchar(255),
	"date" date NOT NULL,
	"start_time" time(0) NOT NULL,
	"end_time" time(0) NOT NULL,
	"instructor_id" uuid,
	"room" varchar(100),
	"topic" varchar(255),
	"materials_url" text,
	"max_participants" integer,
	"status" varchar(50) DEFAULT 'SCHEDULED' NOT NULL,
	CONSTRAINT "training_classes_status_check" CHECK ("training_classes"."status" in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
	CONSTRAINT "training_classes_times_check" CHECK ("training_classes"."end_time" > "training_classes"."start_time"),
	CONSTRAINT "training_classes_numbers_check" CHECK ("training_classes"."class_number" > 0 and "training_classes"."max_participants" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_id" uuid NOT NULL,
	"class_id" uuid,
	"instructor_id" uuid,
	"trainee_id" uuid,
	"overall_rating" numeric(5, 2) NOT NULL,
	"content_rating" numeric(5, 2),
	"instructor_rating" numeric(5, 2),
	"operation_rating" numeric(5, 2),
	"comment" text,
	"submitted_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_feedback_overall_rating_check" CHECK ("training_feedback"."overall_rating" between 1 and 5),
	CONSTRAINT "training_feedback_content_rating_check" CHECK ("training_feedback"."content_rating" between 1 and 5),
	CONSTRAINT "training_feedback_instructor_rating_check" CHECK ("training_feedback"."instructor_rating" between 1 and 5),
	CONSTRAINT "training_feedback_operation_rating_check" CHECK ("training_feedback"."operation_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"project_id" uuid NOT NULL,
	"session_number" integer NOT NULL,
	"name" varchar(255),
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" varchar(50) DEFAULT 'SCHEDULED' NOT NULL,
	"coordinator_id" uuid,
	"location" varchar(255),
	"max_participants" integer,
	"notes" text,
	CONSTRAINT "training_sessions_status_check" CHECK ("training_sessions"."status" in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
	CONSTRAINT "training_sessions_dates_check" CHECK ("training_sessions"."end_date" >= "training_sessions"."start_date"),
	CONSTRAINT "training_sessions_numbers_check" CHECK ("training_sessions"."session_number" > 0 and "training_sessions"."max_participants" > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_action_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meeting_id" uuid NOT NULL,
	"task" varchar(255) NOT NULL,
	"assignee_id" uuid,
	"due_date" date,
	"priority" varchar(20) DEFAULT 'MEDIUM' NOT NULL,
	"status" varchar(50) DEFAULT 'PENDING' NOT NULL,
	"completed_at" timestamp(3) with time zone,
	"notes" text,
	CONSTRAINT "meeting_action_items_priority_check" CHECK ("meeting_action_items"."priority" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
	CONSTRAINT "meeting_action_items_status_check" CHECK ("meeting_action_items"."status" in ('PENDING', 'IN_PROGRESS', 'COMPLETED'))
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meeting_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"topic" varchar(255) NOT NULL,
	"duration" integer,
	"presenter" varchar(100),
	"notes" text,
	CONSTRAINT "meeting_agenda_duration_check" CHECK ("meeting_agenda"."duration" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meeting_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"key_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_steps" text,
	"customer_reaction" varchar(20),
	"customer_concerns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customer_interests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"competitors_mentioned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "meeting_minutes_customer_reaction_check" CHECK ("meeting_minutes"."customer_reaction" in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'))
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meeting_id" uuid NOT NULL,
	"participant_type" varchar(20) NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"name" varchar(100),
	"company" varchar(100),
	"position" varchar(100),
	"role" varchar(50),
	"attendance" varchar(20) DEFAULT 'PENDING' NOT NULL,
	CONSTRAINT "meeting_participants_participant_type_check" CHECK ("meeting_participants"."participant_type" in ('INTERNAL', 'EXTERNAL')),
	CONSTRAINT "meeting_participants_role_check" CHECK ("meeting_participants"."role" in ('ORGANIZER', 'PRESENTER', 'ATTENDEE', 'OPTIONAL')),
	CONSTRAINT "meeting_participants_attendance_check" CHECK ("meeting_participants"."attendance" in ('PENDING', 'CONFIRMED', 'ATTENDED', 'ABSENT')),
	CONSTRAINT "meeting_participants_identity_check" CHECK ("meeting_participants"."user_id" is not null or "meeting_participants"."contact_id" is not null or "meeting_participants"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "meeting_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meeting_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_price" bigint,
	"discount_percent" numeric(5, 2) DEFAULT 0 NOT NULL,
	"notes" text,
	CONSTRAINT "meeting_products_quantity_check" CHECK ("meeting_products"."quantity" > 0),
	CONSTRAINT "meeting_products_unit_price_check" CHECK ("meeting_products"."unit_price" >= 0),
	CONSTRAINT "meeting_products_discount_check" CHECK ("meeting_products"."discount_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code" varchar(50) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text,
	"target" varchar(20) NOT NULL,
	"type" varchar(50) NOT NULL,
	"company_id" uuid,
	"branch_id" uuid,
	"opportunity_id" uuid,
	"project_id" uuid,
	"date" date NOT NULL,
	"start_time" time(0) NOT NULL,
	"end_time" time(0) NOT NULL,
	"location_type" varchar(20),
	"location_address" text,
	"location_room" varchar(100),
	"online_link" text,
	"organizer_id" uuid NOT NULL,
	"status" varchar(50) DEFAULT 'SCHEDULED' NOT NULL,
	"importance" varchar(20) DEFAULT 'MEDIUM' NOT NULL,
	"has_follow_up" boolean DEFAULT false NOT NULL,
	"follow_up_date" date,
	CONSTRAINT "meetings_code_key" UNIQUE("code"),
	CONSTRAINT "meetings_target_check" CHECK ("meetings"."target" in ('CUSTOMER', 'INTERNAL')),
	CONSTRAINT "meetings_type_check" CHECK ("meetings"."type" in ('INITIAL', 'PROPOSAL', 'OPERATION', 'FOLLOWUP', 'TEAM', 'CROSS_DEPT', 'PARTNER')),
	CONSTRAINT "meetings_location_type_check" CHECK ("meetings"."location_type" in ('ONSITE', 'ONLINE', 'HYBRID')),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
	CONSTRAINT "meetings_importance_check" CHECK ("meetings"."importance" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
	CONSTRAINT "meetings_times_check" CHECK ("meetings"."end_time" > "meetings"."start_time"),
	CONSTRAINT "meetings_follow_up_date_check" CHECK ("meetings"."follow_up_date" >= "meetings"."date")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity_type" varchar(50) NOT NULL,
	"entity_id" uuid NOT NULL,
	"activity_type" varchar(50) NOT NULL,
	"subject" varchar(255),
	"description" text,
	"start_time" timestamp(3) with time zone,
	"end_time" timestamp(3) with time zone,
	"duration" integer,
	"outcome" text,
	"next_action" text,
	CONSTRAINT "activities_entity_type_check" CHECK ("activities"."entity_type" in ('COMPANY', 'CONTACT', 'LEAD', 'OPPORTUNITY', 'PROJECT')),
	CONSTRAINT "activities_activity_type_check" CHECK ("activities"."activity_type" in ('CALL', 'EMAIL', 'MEETING', 'NOTE', 'TASK', 'KAKAO')),
	CONSTRAINT "activities_times_check" CHECK ("activities"."end_time" >= "activities"."start_time"),
	CONSTRAINT "activities_duration_check" CHECK ("activities"."duration" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sync_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp(3) with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_by" uuid,
	"field_hlc" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"table_name" varchar(63) NOT NULL,
	"row_id" uuid NOT NULL,
	"field" varchar(63) NOT NULL,
	"winning_value" jsonb,
	"winning_hlc" varchar(64) NOT NULL,
	"winning_user_id" uuid,
	"winning_device_id" uuid,
	"losing_value" jsonb,
	"losing_hlc" varchar(64) NOT NULL,
	"losing_user_id" uuid,
	"losing_device_id" uuid,
	"kind" varchar(20) DEFAULT 'FIELD' NOT NULL,
	"status" varchar(20) DEFAULT 'OPEN' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp(3) with time zone,
	CONSTRAINT "sync_conflicts_kind_check" CHECK ("sync_conflicts"."kind" in ('FIELD', 'EDIT_VS_DELETE', 'DELETE_VS_UNDELETE')),
	CONSTRAINT "sync_conflicts_status_check" CHECK ("sync_conflicts"."status" in ('OPEN', 'RESOLVED', 'DISMISSED'))
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_name" varchar(63) NOT NULL,
	"row_id" uuid NOT NULL,
	"action" varchar(20) NOT NULL,
	"changes" jsonb,
	"user_id" uuid,
	"device_id" uuid,
	"ip_address" varchar(45),
	"user_agent" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_logs_action_check" CHECK ("audit_logs"."action" in ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'VIEW'))
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"table_name" varchar(63) NOT NULL,
	"row_id" uuid NOT NULL,
	"audience_user_id" uuid,
	"kind" varchar(10) DEFAULT 'change' NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_log_kind_check" CHECK ("change_log"."kind" in ('change', 'enter', 'leave'))
);
--> statement-breakpoint
CREATE TABLE "sync_devices" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"last_applied_seq" bigint DEFAULT 0 NOT NULL,
	"schema_version" integer NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "user_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"refresh_token_hash" varchar(64) NOT NULL,
	"family_id" uuid NOT NULL,
	"device_id" uuid,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp(3) with time zone,
	"revoked_at" timestamp(3) with time zone,
	"ip_address" varchar(45),
	"user_agent" text,
	CONSTRAINT "user_sessions_refresh_token_hash_key" UNIQUE("refresh_token_hash")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_permission_id_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_team_lead_id_users_id_fk" FOREIGN KEY ("team_lead_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_account_manager_id_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industries" ADD CONSTRAINT "industries_parent_id_industries_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_parent_id_product_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_actuals" ADD CONSTRAINT "kpi_actuals_kpi_target_id_kpi_targets_id_fk" FOREIGN KEY ("kpi_target_id") REFERENCES "public"."kpi_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_definition_id_kpi_definitions_id_fk" FOREIGN KEY ("kpi_definition_id") REFERENCES "public"."kpi_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_assigned_from_users_id_fk" FOREIGN KEY ("assigned_from") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_assigned_team_id_teams_id_fk" FOREIGN KEY ("assigned_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_team_id_teams_id_fk" FOREIGN KEY ("assigned_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_to_company_id_companies_id_fk" FOREIGN KEY ("converted_to_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_to_opportunity_id_opportunities_id_fk" FOREIGN KEY ("converted_to_opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_manager_id_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_sales_team_id_teams_id_fk" FOREIGN KEY ("sales_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team_members" ADD CONSTRAINT "project_team_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team_members" ADD CONSTRAINT "project_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_project_manager_id_users_id_fk" FOREIGN KEY ("project_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_products" ADD CONSTRAINT "meeting_products_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_products" ADD CONSTRAINT "meeting_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_devices" ADD CONSTRAINT "sync_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_credentials" ADD CONSTRAINT "user_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departments_parent_id_idx" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "permissions_resource_action_key" ON "permissions" USING btree ("resource","action") WHERE "permissions"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "role_permissions_role_id_permission_id_key" ON "role_permissions" USING btree ("role_id","permission_id") WHERE "role_permissions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "role_permissions_permission_id_idx" ON "role_permissions" USING btree ("permission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_name_key" ON "roles" USING btree ("name") WHERE "roles"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_team_id_user_id_key" ON "team_members" USING btree ("team_id","user_id") WHERE "team_members"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "team_members_user_id_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "teams_department_id_idx" ON "teams" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "teams_team_lead_id_idx" ON "teams" USING btree ("team_lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email")) WHERE "users"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "users_department_id_idx" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "users_role_id_idx" ON "users" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "branches_company_id_idx" ON "branches" USING btree ("company_id") WHERE "branches"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_business_number_key" ON "companies" USING btree ("business_number") WHERE "companies"."deleted_at" is null and "companies"."business_number" is not null;--> statement-breakpoint
CREATE INDEX "companies_status_idx" ON "companies" USING btree ("status") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_tier_idx" ON "companies" USING btree ("tier") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_account_manager_id_idx" ON "companies" USING btree ("account_manager_id");--> statement-breakpoint
CREATE INDEX "companies_industry_id_idx" ON "companies" USING btree ("industry_id");--> statement-breakpoint
CREATE INDEX "companies_name_trgm" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_branch_id_idx" ON "contacts" USING btree ("branch_id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_name_trgm" ON "contacts" USING gin (("last_name" || "first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm" ON "contacts" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "industries_parent_id_idx" ON "industries" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "product_categories_parent_id_idx" ON "product_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "products_category_id_idx" ON "products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "kpi_actuals_kpi_target_id_idx" ON "kpi_actuals" USING btree ("kpi_target_id","period_date");--> statement-breakpoint
CREATE INDEX "kpi_targets_entity_idx" ON "kpi_targets" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "kpi_targets_kpi_definition_id_idx" ON "kpi_targets" USING btree ("kpi_definition_id","period_year");--> statement-breakpoint
CREATE INDEX "contracts_company_id_idx" ON "contracts" USING btree ("company_id") WHERE "contracts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contracts_opportunity_id_idx" ON "contracts" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "lead_assignments_lead_id_idx" ON "lead_assignments" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_assignments_assigned_to_idx" ON "lead_assignments" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "leads_assigned_to_idx" ON "leads" USING btree ("assigned_to") WHERE "leads"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "leads_assigned_team_id_idx" ON "leads" USING btree ("assigned_team_id");--> statement-breakpoint
CREATE INDEX "leads_company_name_trgm" ON "leads" USING gin ("company_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_contact_name_trgm" ON "leads" USING gin ("contact_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("stage") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_company_id_idx" ON "opportunities" USING btree ("company_id") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_expected_close_date_idx" ON "opportunities" USING btree ("expected_close_date") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_account_manager_id_idx" ON "opportunities" USING btree ("account_manager_id");--> statement-breakpoint
CREATE INDEX "opportunities_sales_team_id_idx" ON "opportunities" USING btree ("sales_team_id");--> statement-breakpoint
CREATE INDEX "opportunities_campaign_id_idx" ON "opportunities" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "opportunities_title_trgm" ON "opportunities" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_opportunity_id_idx" ON "opportunity_stage_history" USING btree ("opportunity_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_team_members_project_id_user_id_key" ON "project_team_members" USING btree ("project_id","user_id") WHERE "project_team_members"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "project_team_members_user_id_idx" ON "project_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_company_id_idx" ON "projects" USING btree ("company_id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_dates_idx" ON "projects" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE INDEX "projects_project_manager_id_idx" ON "projects" USING btree ("project_manager_id");--> statement-breakpoint
CREATE INDEX "projects_coordinator_id_idx" ON "projects" USING btree ("coordinator_id");--> statement-breakpoint
CREATE INDEX "projects_operator_id_idx" ON "projects" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "projects_opportunity_id_idx" ON "projects" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "projects_contract_id_idx" ON "projects" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "projects_name_trgm" ON "projects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_records_class_id_trainee_id_key" ON "attendance_records" USING btree ("class_id","trainee_id") WHERE "attendance_records"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "attendance_records_trainee_id_idx" ON "attendance_records" USING btree ("trainee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_class_id_trainee_id_key" ON "enrollments" USING btree ("class_id","trainee_id") WHERE "enrollments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enrollments_trainee_id_idx" ON "enrollments" USING btree ("trainee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instructors_email_key" ON "instructors" USING btree (lower("email")) WHERE "instructors"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "trainees_company_id_employee_number_key" ON "trainees" USING btree ("company_id","employee_number") WHERE "trainees"."deleted_at" is null and "trainees"."employee_number" is not null;--> statement-breakpoint
CREATE INDEX "trainees_contact_id_idx" ON "trainees" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "trainees_branch_id_idx" ON "trainees" USING btree ("branch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_classes_session_id_class_number_key" ON "training_classes" USING btree ("session_id","class_number") WHERE "training_classes"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "training_classes_instructor_id_date_idx" ON "training_classes" USING btree ("instructor_id","date");--> statement-breakpoint
CREATE INDEX "training_feedback_session_id_idx" ON "training_feedback" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "training_feedback_class_id_idx" ON "training_feedback" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "training_feedback_instructor_id_idx" ON "training_feedback" USING btree ("instructor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_project_id_session_number_key" ON "training_sessions" USING btree ("project_id","session_number") WHERE "training_sessions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "training_sessions_coordinator_id_idx" ON "training_sessions" USING btree ("coordinator_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_meeting_id_idx" ON "meeting_action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_assignee_id_idx" ON "meeting_action_items" USING btree ("assignee_id") WHERE "meeting_action_items"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "meeting_agenda_meeting_id_idx" ON "meeting_agenda" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_meeting_id_key" ON "meeting_minutes" USING btree ("meeting_id") WHERE "meeting_minutes"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_meeting_id_user_id_key" ON "meeting_participants" USING btree ("meeting_id","user_id") WHERE "meeting_participants"."deleted_at" is null and "meeting_participants"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_meeting_id_contact_id_key" ON "meeting_participants" USING btree ("meeting_id","contact_id") WHERE "meeting_participants"."deleted_at" is null and "meeting_participants"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_participants_user_id_idx" ON "meeting_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_contact_id_idx" ON "meeting_participants" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "meeting_products_meeting_id_idx" ON "meeting_products" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_products_product_id_idx" ON "meeting_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("date") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "meetings_organizer_id_idx" ON "meetings" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "meetings_company_id_idx" ON "meetings" USING btree ("company_id") WHERE "meetings"."company_id" is not null;--> statement-breakpoint
CREATE INDEX "meetings_opportunity_id_idx" ON "meetings" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "meetings_project_id_idx" ON "meetings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "activities_entity_idx" ON "activities" USING btree ("entity_type","entity_id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_created_idx" ON "activities" USING btree ("created_at","created_by");--> statement-breakpoint
CREATE INDEX "activities_created_by_idx" ON "activities" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "sync_conflicts_row_idx" ON "sync_conflicts" USING btree ("table_name","row_id");--> statement-breakpoint
CREATE INDEX "sync_conflicts_winning_user_id_idx" ON "sync_conflicts" USING btree ("winning_user_id");--> statement-breakpoint
CREATE INDEX "sync_conflicts_losing_user_id_idx" ON "sync_conflicts" USING btree ("losing_user_id");--> statement-breakpoint
CREATE INDEX "audit_logs_row_idx" ON "audit_logs" USING btree ("table_name","row_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_user_id_idx" ON "audit_logs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "change_log_txid_id_idx" ON "change_log" USING btree ("txid","id");--> statement-breakpoint
CREATE INDEX "change_log_audience_idx" ON "change_log" USING btree ("audience_user_id","txid","id") WHERE "change_log"."audience_user_id" is not null;--> statement-breakpoint
CREATE INDEX "sync_devices_user_id_idx" ON "sync_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_family_id_idx" ON "user_sessions" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions" USING btree ("user_id");