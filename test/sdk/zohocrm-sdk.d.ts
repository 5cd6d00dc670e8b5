// The part of Zoho's Node SDK (`@zohocrm/nodejs-sdk-8.0`, plain JavaScript, no
// types of its own) that test/sdk/zoho.test.ts uses, as its README and its
// lib/ sources define it. Answers are typed `unknown` and narrowed with the
// SDK's own classes.

declare module '@zohocrm/nodejs-sdk-8.0' {
  export class Choice<T = string> {
    constructor(value: T);
    getValue(): T;
  }
  export class Environment {
    getUrl(): string;
  }
  /** `setEnvironment(url, accountsUrl, fileUploadUrl)`: the SDK's way to name any API domain. */
  export class DataCenter {
    static setEnvironment(url: string, accountsUrl: string, fileUploadUrl: string): Environment;
  }
  export class Token {}
  export class OAuthBuilder {
    clientId(id: string): this;
    clientSecret(secret: string): this;
    refreshToken(token: string): this;
    build(): Token;
  }
  export class TokenStore {}
  export class FileStore extends TokenStore {
    constructor(filePath: string);
  }
  export interface Initialization {
    environment(environment: Environment): this;
    token(token: Token): this;
    store(store: TokenStore): this;
    resourcePath(path: string): this;
    initialize(): Promise<void>;
  }
  /** Its constructor returns a promise of the builder (`await new InitializeBuilder()`). */
  export const InitializeBuilder: new () => Promise<Initialization>;
  export class Param {}
  export class ParameterMap {
    add(param: Param, value: unknown): Promise<void>;
  }
  export class HeaderMap {}
  export class APIResponse {
    getStatusCode(): number;
    getObject(): unknown;
  }

  export namespace Users {
    class MinifiedUser {
      setId(id: bigint): void;
      getId(): bigint;
      getName(): string;
    }
  }

  export namespace Record {
    class Record {
      setId(id: bigint): void;
      getId(): bigint;
      addKeyValue(apiName: string, value: unknown): void;
      getKeyValue(apiName: string): unknown;
    }
    class BodyWrapper {
      setData(data: Record[]): void;
    }
    class ActionWrapper {
      getData(): unknown[];
    }
    class ResponseWrapper {
      getData(): Record[];
    }
    class SuccessResponse {
      getStatus(): Choice;
      getCode(): Choice;
      getDetails(): Map<string, unknown>;
    }
    class APIException {
      getCode(): Choice;
      getMessage(): Choice;
      getDetails(): Map<string, unknown>;
    }
    class RecordOperations {
      constructor(moduleAPIName: string);
      createRecords(body: BodyWrapper, headers?: HeaderMap): Promise<APIResponse>;
      searchRecords(params?: ParameterMap, headers?: HeaderMap): Promise<APIResponse>;
      getRecord(id: bigint, params?: ParameterMap, headers?: HeaderMap): Promise<APIResponse>;
    }
    const SearchRecordsParam: { readonly PHONE: Param; readonly CRITERIA: Param };
  }

  export namespace Fields {
    class Fields {
      setFieldLabel(label: string): void;
      setDataType(dataType: string): void;
      setLength(length: number): void;
    }
    class BodyWrapper {
      setFields(fields: Fields[]): void;
    }
    class ActionWrapper {
      getFields(): unknown[];
    }
    class SuccessResponse {
      getCode(): Choice;
      getDetails(): Map<string, unknown>;
    }
    class FieldsOperations {
      createField(body: BodyWrapper, params?: ParameterMap): Promise<APIResponse>;
    }
    const CreateFieldParam: { readonly MODULE: Param };
  }
}
