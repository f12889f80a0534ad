export interface BroadcastList {
  id: string;
  tenantId: string;
  name: string;
  memberCount: number;
  createdAt: Date;
}

export interface ListMember {
  /** E.164. */
  phone: string;
  name?: string;
}

export interface BroadcastListRepository {
  /** Undefined when the tenant already has a list with that name. */
  create(tenantId: string, name: string): Promise<BroadcastList | undefined>;
  findById(tenantId: string, id: string): Promise<BroadcastList | undefined>;
  /** By name; `after` is the id of the last list of the previous page. */
  list(tenantId: string, page: { limit: number; after?: string }): Promise<BroadcastList[]>;
  /** Adds members not yet on the list; returns how many were added. */
  addMembers(tenantId: string, listId: string, members: ListMember[]): Promise<number>;
  memberPhones(tenantId: string, listId: string): Promise<string[]>;
}
